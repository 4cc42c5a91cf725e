package io.fulfillment.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of this JVM, from the platform MXBean and {@code /proc/self/status}. */
final class ProcessMetrics {

    private ProcessMetrics() {}

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /** Peak resident set size (VmHWM) in MiB, or -1 where /proc is not available. */
    static long peakRssMib() {
        return statusKib("VmHWM:") / 1024;
    }

    static long rssMib() {
        return statusKib("VmRSS:") / 1024;
    }

    private static long statusKib(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(-1024);
        } catch (IOException e) {
            return -1024;
        }
    }
}
