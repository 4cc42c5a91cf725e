package io.fulfillment.reliability;

/**
 * The suite's size: {@code reduced} in {@code verify} (fast, the same checks on fewer orders and crashes), {@code full}
 * with {@code -Dreliability.size=full}.
 */
final class ReliabilitySize {

    private ReliabilitySize() {}

    static boolean full() {
        return "full".equalsIgnoreCase(System.getProperty("reliability.size", "reduced"));
    }

    static int pick(int reduced, int full) {
        return full() ? full : reduced;
    }
}
