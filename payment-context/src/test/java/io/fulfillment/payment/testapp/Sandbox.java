package io.fulfillment.payment.testapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

    long refundsWithId(String refundId) {
        return count("refunds", "refundId", refundId);
    }

    long reversalsOf(String paymentId) {
        return count("reversals", "chargeIdempotencyKey", "charge-" + paymentId);
    }

    /** Approved charges of the payment minus the refunds of those charges: the money the provider still holds. */
    long netChargesOf(String paymentId) {
        JsonNode ledger = http.getForObject("/psp/admin/ledger", JsonNode.class);
        List<String> approved = StreamSupport.stream(ledger.get("charges").spliterator(), false)
                .filter(charge -> paymentId.equals(charge.get("reference").asText()))
                .filter(charge -> "APPROVED".equals(charge.get("outcome").asText()))
                .map(charge -> charge.get("transactionId").asText())
                .toList();
        long refunded = StreamSupport.stream(ledger.get("refunds").spliterator(), false)
                .filter(refund -> approved.contains(refund.get("transactionId").asText()))
                .count();
        return approved.size() - refunded;
    }

    private long count(String kind, String field, String value) {
        JsonNode entries =
                http.getForObject("/psp/admin/ledger", JsonNode.class).get(kind);
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> value.equals(entry.get(field).asText()))
                .count();
    }
}
