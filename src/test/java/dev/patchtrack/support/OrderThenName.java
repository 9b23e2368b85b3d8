package dev.patchtrack.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * The order of the test classes that share one start of the application (Quarkus's orderer keeps
 * those together and asks this one within them): classes with {@link Order} first, lowest first, then
 * the rest by name. The classes that read the same real archives carry consecutive orders, so that
 * {@link RealArchives} imports them once for all.
 */
public class OrderThenName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((org.junit.jupiter.api.ClassDescriptor d) -> d.findAnnotation(Order.class).map(Order::value)
                        .orElse(Order.DEFAULT))
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
