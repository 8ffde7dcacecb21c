package org.conflictkg.query;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * Jena subsystem that closes ARQ's {@code java:} function IRIs: left open, a query naming
 * {@code <java:some.Class>} as a function or property function makes ARQ load and instantiate
 * that class. Functions registered by name still work; an unregistered {@code java:} IRI is an
 * unknown function. It runs in every process (command line, server, tests) through
 * {@code META-INF/services}, after ARQ has set up its registries.
 */
public final class InitQueryGuard implements JenaSubsystemLifecycle {
    /** The IRI scheme ARQ loads classes by. */
    public static final String JAVA_SCHEME = "java:";

    @Override
    public void start() {
        FunctionRegistry functions = FunctionRegistry.createFrom(FunctionRegistry.get());
        FunctionRegistry.set(ARQ.getContext(), new FunctionRegistry() {
            {
                functions.keys().forEachRemaining(k -> put(k, functions.get(k)));
            }

            @Override
            public FunctionFactory get(String uri) {
                return uri.startsWith(JAVA_SCHEME) && !isRegistered(uri) ? null : super.get(uri);
            }
        });
        PropertyFunctionRegistry properties = PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.get());
        PropertyFunctionRegistry.set(ARQ.getContext(), new PropertyFunctionRegistry() {
            {
                properties.keys().forEachRemaining(k -> put(k, properties.get(k)));
            }

            @Override
            public boolean manages(String uri) {
                return !(uri.startsWith(JAVA_SCHEME) && !isRegistered(uri)) && super.manages(uri);
            }

            @Override
            public PropertyFunctionFactory get(String uri) {
                return uri.startsWith(JAVA_SCHEME) && !isRegistered(uri) ? null : super.get(uri);
            }
        });
    }

    @Override
    public void stop() {}

    @Override
    public int level() {
        return 200;
    }
}
