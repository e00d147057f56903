/**
 * The local review web app behind {@code hwgrade review}: a queue of one assignment's parts (those
 * awaiting review first), a page per part to settle it, served on 127.0.0.1 only. It reads the
 * stored results and writes reviews through {@link dev.hwgrade.review}; it grades nothing itself.
 */
package dev.hwgrade.web;
