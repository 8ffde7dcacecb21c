package org.conflictkg.query;

/**
 * A parameter a query file declares in its header.
 *
 * @param name        the variable it binds (without {@code ?})
 * @param type        how its value is parsed
 * @param required    whether the query needs it
 * @param description what it means
 */
public record ParamSpec(String name, ParamType type, boolean required, String description) {}
