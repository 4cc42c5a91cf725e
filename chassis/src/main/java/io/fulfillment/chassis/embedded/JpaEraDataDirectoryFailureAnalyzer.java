package io.fulfillment.chassis.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused data directory into Spring Boot's start-up failure report: what was found, and what to do. */
class JpaEraDataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<JpaEraDataDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, JpaEraDataDirectoryException cause) {
        return new FailureAnalysis(
                "The data directory " + cause.dataDir() + " was written by an earlier version of Fulfillment, which"
                        + " kept Axon's events, tokens, sagas and dead letters through JPA and its deadlines in JobRunr"
                        + " (found the tables " + String.join(", ", cause.tables()) + "). This version keeps them"
                        + " through JDBC, in other tables, and does not migrate them (docs/adr/0007-embedded-stores-jdbc.md).",
                "Delete the data directory " + cause.dataDir() + " (its orders, events and read models go with it) and"
                        + " start again, or start with --fulfillment.data-dir=<an empty or new directory>.",
                cause);
    }
}
