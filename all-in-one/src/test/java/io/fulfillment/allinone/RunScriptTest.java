package io.fulfillment.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run-all-in-one.sh} in a copy of the repository's layout, with a Maven Wrapper and a {@code java} that only
 * record that they were called: a restart with nothing changed skips the build and says so.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunScriptTest {

    private static final Instant BUILT_AT = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path repository;

    private Path calls;

    @BeforeEach
    void repositoryBuiltOnce() throws IOException {
        Files.copy(Path.of("..", "run-all-in-one.sh"), repository.resolve("run-all-in-one.sh"));
        calls = repository.resolve("calls.log");
        executable("mvnw", "echo \"mvnw $*\" >> '" + calls + "'");

        executable("bin/java", "echo \"java $*\" >> '" + calls + "'");
        Files.writeString(repository.resolve("pom.xml"), "<project/>");
        Path source = repository.resolve("order-command/src/main/java/Order.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Order {}");
        Path jar = repository.resolve("all-in-one/target/all-in-one-exec.jar");
        Files.createDirectories(jar.getParent().resolve("launch"));
        Files.writeString(jar, "jar");
        Files.writeString(repository.resolve("all-in-one/target/launch/all-in-one-exec.jar"), "extracted");
        try (var files = Files.walk(repository)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT_AT.minusSeconds(60)));
            }
        }
        Files.setLastModifiedTime(jar, FileTime.from(BUILT_AT));
        Files.setLastModifiedTime(
                repository.resolve("all-in-one/target/launch/all-in-one-exec.jar"),
                FileTime.from(BUILT_AT.plusSeconds(1)));
    }

    @Test
    void skipsTheBuildWhenNothingChangedSinceIt() throws Exception {
        String output = run();

        assertThat(output).contains("skipping");
        assertThat(Files.readString(calls)).doesNotContain("mvnw").contains("java ");
    }

    @Test
    void buildsWhenASourceChanged() throws Exception {
        Files.setLastModifiedTime(
                repository.resolve("order-command/src/main/java/Order.java"), FileTime.from(BUILT_AT.plusSeconds(5)));

        run();

        assertThat(Files.readString(calls)).contains("mvnw -B -q -DskipTests -pl all-in-one -am package");
    }

    @Test
    void startsWhatWasBuiltLastWithoutLookingForChangesWhenToldNever() throws Exception {
        Files.setLastModifiedTime(
                repository.resolve("order-command/src/main/java/Order.java"), FileTime.from(BUILT_AT.plusSeconds(5)));

        run(Map.of("FULFILLMENT_BUILD", "never"));

        assertThat(Files.readString(calls)).doesNotContain("mvnw").contains("java ");
    }

    @Test
    void startsTheJvmWithTheClientCompilerAndACappedHeapUnlessJavaOptsSaysOtherwise() throws Exception {
        run();
        run(Map.of("JAVA_OPTS", "-Xmx1g"));

        assertThat(Files.readAllLines(calls))
                .filteredOn(call -> call.contains("all-in-one-exec.jar"))
                .satisfiesExactly(
                        byDefault -> assertThat(byDefault).contains("-Xmx512m -XX:TieredStopAtLevel=1"),
                        asked -> assertThat(asked).contains("-Xmx1g").doesNotContain("TieredStopAtLevel"));
    }

    private String run() throws IOException, InterruptedException {
        return run(Map.of());
    }

    private String run(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", repository.resolve("run-all-in-one.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", repository.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("FULFILLMENT_BUILD");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private void executable(String name, String body) throws IOException {
        Path file = repository.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
