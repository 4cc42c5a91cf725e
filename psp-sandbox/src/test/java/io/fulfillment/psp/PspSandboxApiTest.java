package io.fulfillment.psp;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest
@Import({Ledger.class, FaultInjector.class, PspSandboxConfiguration.class})
@DirtiesContext // closes the ledger before its temporary directory is deleted
class PspSandboxApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void ledgerInTemporaryDirectory(DynamicPropertyRegistry registry) {
        registry.add("psp-sandbox.data-dir", dataDir::toString);
    }

    /** The slice's root: the standalone launcher is no configuration class the slice could find. */
    @SpringBootConfiguration
    static class Slice {}

    private static final String CHARGE = "{\"reference\":\"payment-7\",\"amount\":12.50,\"currency\":\"EUR\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    FaultInjector faults;

    @AfterEach
    void resetFaults() {
        faults.reset();
    }

    @Test
    void chargesAndAnswersRepeatedKeyWithTheSameTransaction() throws Exception {
        String transactionId = charge("charge-7", CHARGE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPROVED"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"transactionId\":\"([^\"]+)\".*", "$1");

        charge("charge-7", CHARGE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transactionId").value(transactionId));
        mvc.perform(get("/psp/admin/ledger"))
                .andExpect(jsonPath("$.charges[?(@.idempotencyKey == 'charge-7')]", hasSize(1)));
    }

    @Test
    void refusesKeyReusedForAnotherBodyAsProblem() throws Exception {
        charge("charge-8", CHARGE).andExpect(status().isOk());

        charge("charge-8", CHARGE.replace("12.50", "13.00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void requiresIdempotencyKey() throws Exception {
        mvc.perform(post("/psp/charges").contentType(MediaType.APPLICATION_JSON).content(CHARGE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsInvalidChargeAsProblem() throws Exception {
        charge("charge-9", "{\"reference\":\"\",\"amount\":-1,\"currency\":\"euro\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesRefundOfUnknownTransactionAsNotFound() throws Exception {
        mvc.perform(post("/psp/refunds")
                        .header("Idempotency-Key", "refund-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"transactionId\":\"txn-nope\",\"amount\":1.00,\"currency\":\"EUR\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersServiceUnavailableDuringOutageAndRecoversAfterReset() throws Exception {
        mvc.perform(put("/psp/admin/faults")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outage\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outage").value(true));

        charge("charge-10", CHARGE)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/psp/admin/faults/reset")).andExpect(status().isNoContent());
        charge("charge-10", CHARGE).andExpect(status().isOk());
    }

    @Test
    void findsChargeUnderItsIdempotencyKey() throws Exception {
        charge("charge-11", CHARGE).andExpect(status().isOk());

        mvc.perform(get("/psp/charges").param("idempotencyKey", "charge-11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("APPROVED"));
        mvc.perform(get("/psp/charges").param("idempotencyKey", "charge-never-made"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void reversesChargeKeyAndRefusesLaterChargeUnderItAsConflict() throws Exception {
        reverse("charge-12")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.chargeIdempotencyKey").value("charge-12"))
                .andExpect(jsonPath("$.transactionId").doesNotExist());

        charge("charge-12", CHARGE)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refundsChargeWhenItsKeyIsReversed() throws Exception {
        charge("charge-13", CHARGE).andExpect(status().isOk());

        reverse("charge-13")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refundId").isNotEmpty());

        mvc.perform(get("/psp/admin/ledger"))
                .andExpect(jsonPath("$.refunds[?(@.idempotencyKey == 'reversal-charge-13')]", hasSize(1)))
                .andExpect(jsonPath("$.reversals[?(@.chargeIdempotencyKey == 'charge-13')]", hasSize(1)));
    }

    @Test
    void refusesErrorRateAboveOne() throws Exception {
        mvc.perform(put("/psp/admin/faults")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"errorRate\":1.5}"))
                .andExpect(status().isBadRequest());
    }

    private ResultActions reverse(String chargeKey) throws Exception {
        return mvc.perform(post("/psp/reversals")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"chargeIdempotencyKey\":\"" + chargeKey + "\"}"));
    }

    private ResultActions charge(String key, String body) throws Exception {
        return mvc.perform(post("/psp/charges")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
