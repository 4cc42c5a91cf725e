package io.fulfillment.chassis.mongo;

import io.fulfillment.chassis.mongo.ReadModelGenerations.Generation;
import java.util.List;
import java.util.function.Function;

/**
 * A read model that can be rebuilt blue/green ({@code POST /admin/read-models/{name}/rebuild}): a projection whose
 * processing group is {@code name}, whose documents of {@code documentTypes} live in the collections of the current
 * {@link Generation}, and which can make a second instance of its event handlers writing into a given generation only
 * (and telling no subscriber of anything: that generation serves no one yet). Declared as a bean by the context that
 * owns the read model.
 *
 * @param name the read model's name and the processing group of its live projection
 * @param documentTypes the mapped document types whose collections make up the read model
 * @param rebuildingHandlers the event handlers writing into the given generation's collections
 */
public record RebuildableReadModel(
        String name, List<Class<?>> documentTypes, Function<Generation, Object> rebuildingHandlers) {

    public RebuildableReadModel {
        documentTypes = List.copyOf(documentTypes);
    }
}
