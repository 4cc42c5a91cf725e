package io.fulfillment.allinone;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/** The module rules of the brief, written once so they can be checked on the real code and on planted violations. */
final class ArchitectureRules {

    static final String CONTRACTS = "io.fulfillment.contracts..";
    static final String CHASSIS = "io.fulfillment.chassis..";

    private ArchitectureRules() {}

    /** A bounded context sees other contexts only through contracts, and uses the chassis for technical concerns. */
    static ArchRule contextDependsOnlyOnContractsAndChassis(String contextPackage) {
        return classes()
                .that()
                .resideInAPackage(contextPackage)
                .should()
                .onlyDependOnClassesThat(not(resideInAPackage("io.fulfillment.."))
                        .or(resideInAnyPackage(contextPackage, CONTRACTS, CHASSIS)))
                .because("contexts talk to each other only through messages in contracts");
    }

    /** Messages are plain records: the JDK plus the two Axon annotations that route and version them. */
    static ArchRule contractsDependOnlyOnJdkAndAxonAnnotations(String contractsPackage) {
        return classes()
                .that()
                .resideInAPackage(contractsPackage)
                .should()
                .onlyDependOnClassesThat(resideInAnyPackage("java..", contractsPackage)
                        .or(type(TargetAggregateIdentifier.class))
                        .or(type(Revision.class)))
                .because("every service and client must be able to share the contracts without a framework");
    }

    /** Aggregates decide and emit events; HTTP and storage are someone else's job. */
    static ArchRule aggregatesUseNoWebOrPersistence() {
        return noClasses()
                .that()
                .areAnnotatedWith(Aggregate.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework.web..",
                        "org.springframework.http..",
                        "org.springframework.data..",
                        "org.springframework.jdbc..",
                        "org.springframework.transaction..",
                        "jakarta.persistence..",
                        "jakarta.servlet..",
                        "com.mongodb..",
                        "org.bson..")
                .because("aggregates are pure domain: decisions in command handlers, state in event sourcing handlers");
    }
}
