package io.fulfillment.payment.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The PSP sandbox's admin API, as the tests drive it over HTTP. */
final class Sandbox {

    private final TestRestTemplate http;

    Sandbox(TestRestTemplate http) {
        this.http = http;
    }

    void reset() {
        http.postForEntity("/psp/admin/faults/reset", null, Void.class);
    }

    void injectFaults(Map<String, Object> faults) {
        http.put("/psp/admin/faults", faults);
    }

    long chargesOf(String paymentId) {
        return count("charges", "reference", paymentId);
    }

    long refundsOf(String transactionId) {
        return count("refunds", "transactionId", transactionId);
    }

    private long count(String kind, String field, String value) {
        JsonNode entries =
                http.getForObject("/psp/admin/ledger", JsonNode.class).get(kind);
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> value.equals(entry.get(field).asText()))
                .count();
    }
}
