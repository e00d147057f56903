/** The boolean grader: true/false and yes/no answers, however a model words them. */
package dev.hwgrade.grade.bool;
