package io.fulfillment.allinone;

import static io.fulfillment.allinone.ArchitectureRules.aggregatesUseNoWebOrPersistence;
import static io.fulfillment.allinone.ArchitectureRules.contextDependsOnlyOnContractsAndChassis;
import static io.fulfillment.allinone.ArchitectureRules.contractsDependOnlyOnJdkAndAxonAnnotations;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureTest {

    private static JavaClasses production;
    private static JavaClasses plantedViolations;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fulfillment");
        plantedViolations = new ClassFileImporter().importPackages("io.fulfillment.archviolations");
    }

    @Nested
    class ProductionCode {

        @Test
        void importsEveryModule() {
            assertThat(production.containPackage("io.fulfillment.contracts.order"))
                    .isTrue();
            assertThat(production.containPackage("io.fulfillment.order.fulfillment"))
                    .isTrue();
            assertThat(production.containPackage("io.fulfillment.inventory.stock"))
                    .isTrue();
            assertThat(production.containPackage("io.fulfillment.payment.charge"))
                    .isTrue();
            assertThat(production.containPackage("io.fulfillment.shipping.delivery"))
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "io.fulfillment.order..",
                    "io.fulfillment.orderquery..",
                    "io.fulfillment.inventory..",
                    "io.fulfillment.payment..",
                    "io.fulfillment.shipping.."
                })
        void contextDependsOnlyOnContractsAndChassis(String contextPackage) {
            ArchitectureRules.contextDependsOnlyOnContractsAndChassis(contextPackage)
                    .allowEmptyShould(true)
                    .check(production);
        }

        @Test
        void contractsDependOnlyOnJdkAndAxonAnnotations() {
            ArchitectureRules.contractsDependOnlyOnJdkAndAxonAnnotations(ArchitectureRules.CONTRACTS)
                    .check(production);
        }

        @Test
        void aggregatesUseNoWebOrPersistence() {
            ArchitectureRules.aggregatesUseNoWebOrPersistence().check(production);
        }
    }

    /** Each rule is shown to fail on a class planted to break it, so a passing rule cannot be vacuous. */
    @Nested
    class PlantedViolations {

        @Test
        void contextRuleCatchesContextReachingIntoAnother() {
            assertThat(contextDependsOnlyOnContractsAndChassis("io.fulfillment.archviolations.ordering..")
                            .evaluate(plantedViolations)
                            .hasViolation())
                    .isTrue();
        }

        @Test
        void contractsRuleCatchesFrameworkDependency() {
            assertThat(contractsDependOnlyOnJdkAndAxonAnnotations("io.fulfillment.archviolations.billing..")
                            .evaluate(plantedViolations)
                            .hasViolation())
                    .isTrue();
        }

        @Test
        void aggregateRuleCatchesWebDependency() {
            assertThat(aggregatesUseNoWebOrPersistence()
                            .evaluate(plantedViolations)
                            .hasViolation())
                    .isTrue();
        }
    }
}
