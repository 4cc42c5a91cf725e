package io.fulfillment.shipping.testapp;

import static io.fulfillment.shipping.testapp.Shipments.ADDRESS_IN_BERLIN;
import static io.fulfillment.shipping.testapp.Shipments.ADDRESS_IN_SAO_PAULO;
import static io.fulfillment.shipping.testapp.Shipments.OUTSIDE_DELIVERY_AREA;
import static io.fulfillment.shipping.testapp.Shipments.scheduleShipmentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fulfillment.contracts.kernel.ErrorDetails;
import io.fulfillment.contracts.kernel.ErrorKind;
import io.fulfillment.contracts.shipping.CancelShipmentCommand;
import io.fulfillment.contracts.shipping.ScheduleShipmentCommand;
import io.fulfillment.contracts.shipping.ShipmentId;
import java.time.Duration;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@ShippingContextTest
class ShippingIT {

    private static final Duration READ_MODEL_LAG = Duration.ofSeconds(15);

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commands;

    @Test
    void scheduledShipmentIsVisibleByIdAndByOrder() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);

        JsonNode shipment = awaitStatus(schedule.shipmentId(), "SCHEDULED");
        assertThat(shipment.get("shipmentId").asText())
                .isEqualTo(schedule.shipmentId().value());
        assertThat(shipment.get("orderId").asText())
                .isEqualTo(schedule.orderId().value());
        assertThat(shipment.at("/address/city").asText()).isEqualTo("Berlin");
        assertThat(shipment.at("/items")).hasSize(2);
        assertThat(shipment.at("/items/0/productId").asText()).isEqualTo("keyboard-k120");
        assertThat(shipment.at("/items/0/quantity").asInt()).isEqualTo(2);
        assertThat(shipment.get("reason").isNull()).isTrue();

        ResponseEntity<JsonNode> byOrder = http.getForEntity(
                "/shipments?orderId={orderId}",
                JsonNode.class,
                schedule.orderId().value());
        assertThat(byOrder.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byOrder.getBody()).isEqualTo(shipment);
    }

    @Test
    void undeliverableAddressIsRejectedWithReason() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_SAO_PAULO);
        commands.sendAndWait(schedule);

        JsonNode shipment = awaitStatus(schedule.shipmentId(), "REJECTED");
        assertThat(shipment.get("reason").asText()).isEqualTo(OUTSIDE_DELIVERY_AREA);
        assertThat(shipment.get("items")).isEmpty();
    }

    @Test
    void carrierDispatchesAndDeliversOverHttp() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);
        awaitStatus(schedule.shipmentId(), "SCHEDULED");

        ResponseEntity<JsonNode> dispatched = post(schedule.shipmentId(), "dispatch");
        assertThat(dispatched.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(dispatched.getHeaders().getLocation()).hasToString("/shipments/" + schedule.shipmentId());
        awaitStatus(schedule.shipmentId(), "DISPATCHED");

        ResponseEntity<JsonNode> delivered = post(schedule.shipmentId(), "deliver");
        assertThat(delivered.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(delivered.getHeaders().getLocation()).hasToString("/shipments/" + schedule.shipmentId());
        awaitStatus(schedule.shipmentId(), "DELIVERED");
    }

    @Test
    void repeatedCarrierReportIsAcceptedAndChangesNothing() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);

        assertThat(post(schedule.shipmentId(), "dispatch").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post(schedule.shipmentId(), "dispatch").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitStatus(schedule.shipmentId(), "DISPATCHED");
    }

    @Test
    void cancellingDispatchedShipmentIsRefusedAsConflict() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);
        assertThat(post(schedule.shipmentId(), "dispatch").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        Throwable refusal = catchThrowable(() ->
                commands.sendAndWait(new CancelShipmentCommand(schedule.shipmentId(), schedule.orderId(), "too late")));

        assertThat(refusal).isInstanceOf(CommandExecutionException.class);
        assertThat(((CommandExecutionException) refusal).getDetails())
                .get()
                .isInstanceOfSatisfying(ErrorDetails.class, details -> {
                    assertThat(details.kind()).isEqualTo(ErrorKind.CONFLICT);
                    assertThat(details.code()).isEqualTo("shipping.shipment-not-cancellable");
                });
        awaitStatus(schedule.shipmentId(), "DISPATCHED");
    }

    @Test
    void dispatchOfCancelledShipmentIsConflictProblem() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);
        commands.sendAndWait(
                new CancelShipmentCommand(schedule.shipmentId(), schedule.orderId(), "customer cancelled the order"));

        ResponseEntity<JsonNode> refused = post(schedule.shipmentId(), "dispatch");

        assertProblem(refused, HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("shipping.shipment-not-dispatchable");
        JsonNode shipment = awaitStatus(schedule.shipmentId(), "CANCELLED");
        assertThat(shipment.get("reason").asText()).isEqualTo("customer cancelled the order");
    }

    @Test
    void deliveryOfShipmentStillInWarehouseIsConflictProblem() {
        ScheduleShipmentCommand schedule = scheduleShipmentTo(ADDRESS_IN_BERLIN);
        commands.sendAndWait(schedule);

        ResponseEntity<JsonNode> refused = post(schedule.shipmentId(), "deliver");

        assertProblem(refused, HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("shipping.shipment-not-dispatched");
    }

    @Test
    void unknownShipmentIsNotFoundProblem() {
        ShipmentId unknown = ShipmentId.newId();

        ResponseEntity<JsonNode> lookup = http.getForEntity("/shipments/{id}", JsonNode.class, unknown.value());
        assertProblem(lookup, HttpStatus.NOT_FOUND);
        assertThat(lookup.getBody().get("code").asText()).isEqualTo("shipping.shipment-not-found");

        assertProblem(post(unknown, "dispatch"), HttpStatus.NOT_FOUND);
        assertProblem(post(unknown, "deliver"), HttpStatus.NOT_FOUND);
    }

    @Test
    void orderWithoutShipmentIsNotFoundProblem() {
        ResponseEntity<JsonNode> lookup =
                http.getForEntity("/shipments?orderId=order-without-shipment", JsonNode.class);

        assertProblem(lookup, HttpStatus.NOT_FOUND);
        assertThat(lookup.getBody().get("code").asText()).isEqualTo("shipping.shipment-not-found");
    }

    @Test
    void lookupByOrderWithoutOrderIdIsBadRequestProblem() {
        assertOrderIdRefused(http.getForEntity("/shipments", JsonNode.class));
    }

    @Test
    void lookupByBlankOrderIdIsBadRequestProblem() {
        assertOrderIdRefused(http.getForEntity("/shipments?orderId={orderId}", JsonNode.class, ""));
        assertOrderIdRefused(http.getForEntity("/shipments?orderId={orderId}", JsonNode.class, "  "));
    }

    private static void assertOrderIdRefused(ResponseEntity<JsonNode> refused) {
        assertProblem(refused, HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("orderId");
    }

    private JsonNode awaitStatus(ShipmentId shipmentId, String status) {
        return await().atMost(READ_MODEL_LAG)
                .until(
                        () -> shipment(shipmentId),
                        response -> response.getStatusCode().is2xxSuccessful()
                                && status.equals(
                                        response.getBody().get("status").asText()))
                .getBody();
    }

    private ResponseEntity<JsonNode> shipment(ShipmentId shipmentId) {
        return http.getForEntity("/shipments/{id}", JsonNode.class, shipmentId.value());
    }

    private ResponseEntity<JsonNode> post(ShipmentId shipmentId, String action) {
        return http.postForEntity("/shipments/{id}/{action}", null, JsonNode.class, shipmentId.value(), action);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
    }
}
