package io.fulfillment.payment.testapp;

import io.fulfillment.payment.PaymentConfiguration;
import io.fulfillment.psp.PspSandboxConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The payment context with the PSP sandbox in the same process, reached over real HTTP on the random port. */
@SpringBootApplication
@Import({PaymentConfiguration.class, PspSandboxConfiguration.class})
public class PaymentTestApplication {}
