package io.fulfillment.psp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Everything the sandbox needs, so that a host application (the all-in-one) can run it in-process under /psp. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties(PspSandboxProperties.class)
@PropertySource("classpath:io/fulfillment/psp/psp-sandbox-defaults.properties")
public class PspSandboxConfiguration {}
