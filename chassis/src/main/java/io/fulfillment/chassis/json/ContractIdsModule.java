package io.fulfillment.chassis.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.fulfillment.contracts.inventory.ProductId;
import io.fulfillment.contracts.kernel.CustomerId;
import io.fulfillment.contracts.order.OrderId;
import io.fulfillment.contracts.payment.PaymentId;
import io.fulfillment.contracts.shipping.ShipmentId;
import java.io.IOException;
import java.util.function.Function;

/**
 * Writes the value-record ids of the contracts as plain JSON strings ({@code "orderId": "42"} rather than
 * {@code "orderId": {"value": "42"}}) and reads them back, in REST bodies and in stored messages alike.
 */
public class ContractIdsModule extends SimpleModule {

    public ContractIdsModule() {
        super("fulfillment-contract-ids");
        id(OrderId.class, OrderId::of);
        id(CustomerId.class, CustomerId::of);
        id(ProductId.class, ProductId::of);
        id(PaymentId.class, PaymentId::of);
        id(ShipmentId.class, ShipmentId::of);
    }

    private <T> void id(Class<T> type, Function<String, T> parse) {
        addSerializer(type, new StdScalarSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(value.toString());
            }
        });
        addDeserializer(type, new StdScalarDeserializer<>(type) {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                if (text == null || text.isBlank()) {
                    return (T) context.handleUnexpectedToken(type, parser);
                }
                return parse.apply(text);
            }
        });
        addKeyDeserializer(type, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) {
                return parse.apply(key);
            }
        });
    }
}
