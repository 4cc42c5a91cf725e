package io.fulfillment.inventory.catalogue;

import static io.fulfillment.inventory.catalogue.ProductRequests.ID_PATTERN;

import io.fulfillment.contracts.inventory.FindProductQuery;
import io.fulfillment.contracts.inventory.FindProductsQuery;
import io.fulfillment.contracts.inventory.ProductCatalogue;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.ProductView;
import io.fulfillment.contracts.inventory.RegisterProductCommand;
import io.fulfillment.contracts.inventory.RestockProductCommand;
import io.fulfillment.inventory.catalogue.ProductRequests.RegisterProductRequest;
import io.fulfillment.inventory.catalogue.ProductRequests.RestockRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue over HTTP: browse it, register products, restock them. Commands are answered 202 + Location. */
@RestController
@RequestMapping(ProductController.PATH)
class ProductController {

    static final String PATH = "/products";

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    ProductController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @GetMapping
    CompletableFuture<ProductCatalogue> catalogue() {
        return queryGateway.query(FindProductsQuery.all(), ProductCatalogue.class);
    }

    @GetMapping("/{id}")
    CompletableFuture<ProductView> product(
            @PathVariable @Size(max = ProductId.MAX_LENGTH) @Pattern(regexp = ID_PATTERN) String id) {
        return queryGateway.query(new FindProductQuery(ProductId.of(id)), ProductView.class);
    }

    @PostMapping
    CompletableFuture<ResponseEntity<Void>> register(@Valid @RequestBody RegisterProductRequest request) {
        ProductId productId = request.id() == null ? ProductId.newId() : ProductId.of(request.id());
        RegisterProductCommand command = new RegisterProductCommand(
                productId, request.name().strip(), request.unitPrice().toMoney(), request.initialStock());
        return commandGateway.send(command).handle((result, failure) -> {
            if (failure != null) {
                throw ProductAlreadyRegisteredException.causing(failure, productId)
                        .<RuntimeException>map(conflict -> conflict)
                        .orElseGet(() -> asUnchecked(failure));
            }
            return accepted(productId);
        });
    }

    @PostMapping("/{id}/restock")
    CompletableFuture<ResponseEntity<Void>> restock(
            @PathVariable @Size(max = ProductId.MAX_LENGTH) @Pattern(regexp = ID_PATTERN) String id,
            @Valid @RequestBody RestockRequest request) {
        ProductId productId = ProductId.of(id);
        return commandGateway
                .send(new RestockProductCommand(productId, request.quantity()))
                .thenApply(result -> accepted(productId));
    }

    private static ResponseEntity<Void> accepted(ProductId productId) {
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + productId.value()))
                .build();
    }

    private static RuntimeException asUnchecked(Throwable failure) {
        return failure instanceof RuntimeException unchecked ? unchecked : new CompletionException(failure);
    }
}
