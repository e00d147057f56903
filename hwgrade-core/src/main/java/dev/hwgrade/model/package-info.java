/**
 * The immutable data hwgrade works on: an {@link dev.hwgrade.model.Assignment} with its problems,
 * parts and answer keys, a model's {@link dev.hwgrade.model.Response}, and the {@link
 * dev.hwgrade.model.Grade} a grader gives one part.
 */
package dev.hwgrade.model;
