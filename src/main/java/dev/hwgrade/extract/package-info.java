/**
 * Extraction: splits a raw chat transcript into the assignment's parts and finds each part's final
 * answer in a model's text. Knows text and markers, nothing about answer keys.
 */
package dev.hwgrade.extract;
