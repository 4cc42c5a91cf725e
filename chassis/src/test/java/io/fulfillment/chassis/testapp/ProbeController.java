package io.fulfillment.chassis.testapp;

import io.fulfillment.chassis.correlation.CorrelationId;
import io.fulfillment.chassis.testapp.ProbeMessages.RefuseCommand;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/probe")
class ProbeController {

    private final CommandGateway commandGateway;

    ProbeController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    record ProbeRequest(@NotBlank String sku, @Min(1) int quantity) {}

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProbeRequest accept(@Valid @RequestBody ProbeRequest request) {
        return request;
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable @Size(max = 5) String id, @RequestParam(defaultValue = "1") int page) {
        return id + ":" + page;
    }

    @PostMapping("/refusals/{code}")
    void refuseDirectly(@PathVariable String code) {
        throw new ProbeConflict(code);
    }

    @PostMapping("/commands/refusals/{code}")
    CompletableFuture<Object> refuseThroughBus(@PathVariable String code) {
        return commandGateway.send(new RefuseCommand(code));
    }

    @GetMapping("/correlation")
    String correlation() {
        return MDC.get(CorrelationId.MDC_KEY);
    }
}
