package io.fulfillment.chassis.embedded;

import java.nio.file.Path;
import java.util.List;

/** The data directory holds Axon's stores as the JPA-based versions wrote them; this version cannot read them. */
class JpaEraDataDirectoryException extends RuntimeException {

    private final String dataDir;
    private final List<String> tables;

    JpaEraDataDirectoryException(Path dataDir, List<String> tables) {
        super("The data directory " + dataDir + " was written by a JPA-based version of Fulfillment (tables " + tables
                + "); delete it, or start with another fulfillment.data-dir");
        this.dataDir = dataDir.toString();
        this.tables = List.copyOf(tables);
    }

    String dataDir() {
        return dataDir;
    }

    List<String> tables() {
        return tables;
    }
}
