package io.fulfillment.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests no well-behaved client sends, generated from one valid order body: every field dropped, nulled,
 * type-confused, blanked, oversized and out of range; the JSON cut at many points; wrong content types, oversized
 * bodies and bad headers; and a few malformed catalogue and cancellation requests. None of them may be accepted.
 */
final class HostileCorpus {

    enum Caller {
        CUSTOMER,
        ADMIN,
        NONE
    }

    record HostileRequest(
            String name,
            String method,
            String path,
            String contentType,
            String body,
            Map<String, String> headers,
            Caller caller) {}

    static final String CUSTOMER = "customer-ada";
    private static final String ORDERS = "/api/v1/orders";
    private static final String JSON = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> STRING_FIELDS = List.of(
            "customerId",
            "lines/0/productId",
            "shippingAddress/recipient",
            "shippingAddress/street",
            "shippingAddress/postalCode",
            "shippingAddress/city",
            "shippingAddress/country");
    private static final List<String> ALL_FIELDS =
            concat(STRING_FIELDS, List.of("lines", "shippingAddress", "lines/0/quantity"));

    private final String productId;
    private final List<HostileRequest> requests = new ArrayList<>();

    private HostileCorpus(String productId) {
        this.productId = productId;
    }

    static List<HostileRequest> forProduct(String productId) {
        HostileCorpus corpus = new HostileCorpus(productId);
        corpus.generate();
        return List.copyOf(corpus.requests);
    }

    ObjectNode validOrder() {
        ObjectNode order = NODES.objectNode();
        order.put("customerId", CUSTOMER);
        ArrayNode lines = order.putArray("lines");
        lines.addObject().put("productId", productId).put("quantity", 1);
        order.putObject("shippingAddress")
                .put("recipient", "Ada Lovelace")
                .put("street", "12 St James Square")
                .put("postalCode", "SW1Y 4JH")
                .put("city", "London")
                .put("country", "GB");
        return order;
    }

    private void generate() {
        for (String field : ALL_FIELDS) {
            order("drop " + field, mutate(field, null, true));
            order("null " + field, mutate(field, NODES.nullNode(), false));
        }
        for (String field : STRING_FIELDS) {
            order(field + " as array", mutate(field, NODES.arrayNode().add("x"), false));
            order(field + " as object", mutate(field, NODES.objectNode().put("value", "x"), false));
            order(field + " blank", mutate(field, NODES.textNode("   "), false));
            order(field + " empty", mutate(field, NODES.textNode(""), false));
            order(field + " 10k chars", mutate(field, NODES.textNode("x".repeat(10_000)), false));
            order(field + " 70k chars", mutate(field, NODES.textNode("y".repeat(70_000)), false));
        }
        for (JsonNode quantity : List.<JsonNode>of(
                NODES.numberNode(0),
                NODES.numberNode(-1),
                NODES.numberNode(Integer.MIN_VALUE),
                NODES.numberNode(Integer.MAX_VALUE),
                NODES.numberNode(4_294_967_296L),
                NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")),
                NODES.numberNode(1.5),
                NODES.numberNode(1e308),
                NODES.textNode("1"),
                NODES.textNode("one"),
                NODES.booleanNode(true),
                NODES.arrayNode().add(1),
                NODES.objectNode().put("value", 1))) {
            order("quantity " + quantity, mutate("lines/0/quantity", quantity, false));
        }
        for (JsonNode lines : List.<JsonNode>of(
                NODES.textNode("lines"),
                NODES.numberNode(42),
                NODES.objectNode().put("productId", productId),
                NODES.arrayNode(),
                NODES.arrayNode().add(42),
                NODES.arrayNode().add("x"),
                NODES.arrayNode().addNull(),
                NODES.arrayNode().add(NODES.arrayNode()),
                manyLines(51),
                manyLines(5_000))) {
            order("lines " + abbreviate(lines), mutate("lines", lines, false));
        }
        for (JsonNode address : List.<JsonNode>of(
                NODES.textNode("London"), NODES.numberNode(42), NODES.arrayNode(), NODES.booleanNode(false))) {
            order("shippingAddress " + address, mutate("shippingAddress", address, false));
        }
        for (String country : List.of("GBR", "G", "1X", "G B", "ÄÖ")) {
            order("country " + country, mutate("shippingAddress/country", NODES.textNode(country), false));
        }
        order("someone else's customer id", mutate("customerId", NODES.textNode("customer-bob"), false));
        order("unknown product", mutate("lines/0/productId", NODES.textNode("no-such-product"), false));
        order("product id with control characters", mutate("lines/0/productId", NODES.textNode("a\u0000b\n"), false));

        String valid = validOrder().toString();
        for (int cut = 1; cut < valid.length(); cut += Math.max(1, valid.length() / 30)) {
            requests.add(new HostileRequest(
                    "cut at " + cut, "POST", ORDERS, JSON, valid.substring(0, cut), Map.of(), Caller.CUSTOMER));
        }
        for (String broken : List.of(
                "",
                "{",
                "}",
                "[]",
                "null",
                "42",
                "\"order\"",
                "{'customerId': 'customer-ada'}",
                "{\"customerId\":}",
                valid.replace(":", "="),
                valid.replace("\"", ""),
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                "\uFEFF" + "{,}",
                "{\"customerId\":\"\\uD800\"}")) {
            requests.add(new HostileRequest(
                    "broken JSON " + abbreviate(broken), "POST", ORDERS, JSON, broken, Map.of(), Caller.CUSTOMER));
        }
        for (String contentType : List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/octet-stream",
                "application/json; charset=nope",
                "json")) {
            requests.add(new HostileRequest(
                    "content type " + contentType, "POST", ORDERS, contentType, valid, Map.of(), Caller.CUSTOMER));
        }
        requests.add(new HostileRequest("no content type", "POST", ORDERS, null, valid, Map.of(), Caller.CUSTOMER));
        requests.add(new HostileRequest("no body", "POST", ORDERS, JSON, null, Map.of(), Caller.CUSTOMER));
        requests.add(new HostileRequest(
                "65 KiB body", "POST", ORDERS, JSON, padded(valid, 65 * 1024), Map.of(), Caller.CUSTOMER));
        requests.add(new HostileRequest(
                "2 MiB body", "POST", ORDERS, JSON, padded(valid, 2 * 1024 * 1024), Map.of(), Caller.CUSTOMER));
        requests.add(new HostileRequest("no token", "POST", ORDERS, JSON, valid, Map.of(), Caller.NONE));
        for (String authorization : List.of(
                "Bearer",
                "Bearer ",
                "Bearer x.y.z",
                "Basic YWRhOmFkYS1kZW1v",
                "token",
                "Bearer " + "a".repeat(8_000))) {
            requests.add(new HostileRequest(
                    "authorization " + abbreviate(authorization),
                    "POST",
                    ORDERS,
                    JSON,
                    valid,
                    Map.of("Authorization", authorization),
                    Caller.NONE));
        }
        requests.add(new HostileRequest(
                "huge header",
                "POST",
                ORDERS,
                JSON,
                mutate("customerId", NODES.nullNode(), false),
                Map.of("X-Padding", "p".repeat(20_000)),
                Caller.CUSTOMER));
        requests.add(new HostileRequest(
                "huge idempotency key",
                "POST",
                ORDERS,
                JSON,
                mutate("lines", NODES.arrayNode(), false),
                Map.of("Idempotency-Key", "k".repeat(10_000)),
                Caller.CUSTOMER));
        requests.add(new HostileRequest(
                "odd correlation id",
                "POST",
                ORDERS,
                JSON,
                mutate("lines", NODES.arrayNode(), false),
                Map.of("X-Correlation-Id", "<script>\t" + "c".repeat(2_000)),
                Caller.CUSTOMER));
        requests.add(new HostileRequest(
                "accept xml",
                "POST",
                ORDERS,
                JSON,
                mutate("lines", NODES.arrayNode(), false),
                Map.of("Accept", "application/xml"),
                Caller.CUSTOMER));

        for (String id : List.of("%00", "..%2F..%2Fadmin", "%E0%A4", "a%20b", "0")) {
            requests.add(new HostileRequest(
                    "cancel " + abbreviate(id),
                    "POST",
                    ORDERS + "/" + id + "/cancel",
                    JSON,
                    "{\"reason\":\"" + "r".repeat(600) + "\"}",
                    Map.of(),
                    Caller.CUSTOMER));
            requests.add(new HostileRequest(
                    "read " + abbreviate(id), "GET", ORDERS + "/" + id, null, null, Map.of(), Caller.CUSTOMER));
        }
        for (String product : List.of(
                "{\"id\":\"p1\",\"name\":\"n\",\"unitPrice\":{\"amount\":-1,\"currency\":\"EUR\"},\"initialStock\":1}",
                "{\"id\":\"p2\",\"name\":\"n\",\"unitPrice\":{\"amount\":1.001,\"currency\":\"EUR\"},\"initialStock\":1}",
                "{\"id\":\"p3\",\"name\":\"n\",\"unitPrice\":{\"amount\":1,\"currency\":\"XYZ\"},\"initialStock\":1}",
                "{\"id\":\"p4\",\"name\":\"n\",\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"},\"initialStock\":-5}",
                "{\"id\":\"p5\",\"name\":\"\",\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"},\"initialStock\":1}",
                "{\"id\":\"p 6/\",\"name\":\"n\",\"unitPrice\":{\"amount\":1,\"currency\":\"EUR\"},\"initialStock\":1}",
                "{\"id\":\"p7\",\"name\":\"n\",\"unitPrice\":\"1 EUR\",\"initialStock\":1}",
                "{\"id\":\"p8\",\"name\":\"n\",\"unitPrice\":{\"amount\":1e400,\"currency\":\"EUR\"},\"initialStock\":1}")) {
            requests.add(new HostileRequest(
                    "product " + abbreviate(product),
                    "POST",
                    "/api/v1/products",
                    JSON,
                    product,
                    Map.of(),
                    Caller.ADMIN));
        }
        for (String restock :
                List.of("{\"quantity\":0}", "{\"quantity\":-3}", "{\"quantity\":\"5\"}", "{}", "{\"quantity\":1e10}")) {
            requests.add(new HostileRequest(
                    "restock " + restock,
                    "POST",
                    "/api/v1/products/" + productId + "/restock",
                    JSON,
                    restock,
                    Map.of(),
                    Caller.ADMIN));
        }
    }

    private void order(String name, String body) {
        requests.add(new HostileRequest(name, "POST", ORDERS, JSON, body, Map.of(), Caller.CUSTOMER));
    }

    /** The valid order with the field at the slash-separated path replaced (or removed). */
    private String mutate(String path, JsonNode value, boolean remove) {
        ObjectNode order = validOrder();
        String[] steps = path.split("/");
        JsonNode parent = order;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode array) {
            if (remove) {
                array.remove(Integer.parseInt(last));
            } else {
                array.set(Integer.parseInt(last), value);
            }
        } else if (remove) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        try {
            return SystemApi.JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ArrayNode manyLines(int count) {
        ArrayNode lines = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            lines.addObject().put("productId", productId).put("quantity", 1);
        }
        return lines;
    }

    private static String padded(String valid, int size) {
        return valid.substring(0, valid.length() - 1) + ",\"padding\":\"" + "p".repeat(size) + "\"}";
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
