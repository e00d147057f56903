package dev.hwgrade.analyze;

/** One finding: a short headline and the sentence that supports it with figures. */
public record Finding(String headline, String text) {}
