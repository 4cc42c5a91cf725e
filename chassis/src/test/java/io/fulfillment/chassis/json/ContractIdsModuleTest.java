package io.fulfillment.chassis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.inventory.StockReservedEvent;
import io.fulfillment.contracts.order.OrderId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractIdsModuleTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new ContractIdsModule());

    @Test
    void writesIdsAsPlainStrings() throws Exception {
        String json = mapper.writeValueAsString(new StockReservedEvent(ProductId.of("keyboard"), OrderId.of("o-1"), 2));

        assertThat(json).isEqualTo("{\"productId\":\"keyboard\",\"orderId\":\"o-1\",\"quantity\":2}");
    }

    @Test
    void readsIdsBack() throws Exception {
        StockReservedEvent event = mapper.readValue(
                "{\"productId\":\"keyboard\",\"orderId\":\"o-1\",\"quantity\":2}", StockReservedEvent.class);

        assertThat(event).isEqualTo(new StockReservedEvent(ProductId.of("keyboard"), OrderId.of("o-1"), 2));
    }

    @Test
    void readsIdsAsMapKeys() throws Exception {
        Map<ProductId, Integer> reservations = mapper.readValue(
                "{\"keyboard\":2}",
                mapper.getTypeFactory().constructMapType(Map.class, ProductId.class, Integer.class));

        assertThat(reservations).containsEntry(ProductId.of("keyboard"), 2);
    }

    @Test
    void refusesBlankIds() {
        assertThatThrownBy(() -> mapper.readValue(
                        "{\"productId\":\"\",\"orderId\":\"o-1\",\"quantity\":2}", StockReservedEvent.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
