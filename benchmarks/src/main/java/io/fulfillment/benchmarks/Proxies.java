package io.fulfillment.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import org.springframework.util.ClassUtils;

/**
 * JDK proxies that forward every call to a target and count some on the way. A proxy equals only itself, so it can
 * key maps (Spring binds transactions to the data source object) without the target's {@code equals} refusing it.
 */
final class Proxies {

    private Proxies() {}

    /** A proxy with every public interface the target's class implements, so nothing the target offers is hidden. */
    static Object withAllInterfaces(Object target, InvocationHandler handler) {
        ClassLoader loader = target.getClass().getClassLoader();
        Class<?>[] interfaces = Arrays.stream(ClassUtils.getAllInterfacesForClass(target.getClass(), loader))
                .filter(type -> Modifier.isPublic(type.getModifiers()))
                .toArray(Class<?>[]::new);
        return Proxy.newProxyInstance(loader, interfaces, handler);
    }

    static Object with(Class<?> type, InvocationHandler handler) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Calls the method on the target; {@code equals} and {@code hashCode} are the proxy's identity. */
    static Object forward(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    // toString
                }
            }
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
