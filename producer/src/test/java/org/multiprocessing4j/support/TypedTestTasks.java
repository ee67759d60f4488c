package org.multiprocessing4j.support;

import java.util.List;
import java.util.Map;
import org.multiprocessing4j.task.Param;
import org.multiprocessing4j.task.TaskDef;
import org.multiprocessing4j.task.TaskDef1;
import org.multiprocessing4j.task.TaskDef2;
import org.multiprocessing4j.task.ValueType;

/** Typed declarations the tests call (TestTasks registers their implementations on the workers). */
public final class TypedTestTasks {
    /** A record argument. */
    public record Line(String item, int quantity, double price) {
    }

    public record Order(String customer, List<Line> lines) {
    }

    /** A POJO result: a bean with a no-argument constructor and properties, not a record. */
    public static final class Receipt {
        private String customer;
        private double total;
        private Map<String, Integer> quantities;

        public Receipt() {
        }

        public Receipt(String customer, double total, Map<String, Integer> quantities) {
            this.customer = customer;
            this.total = total;
            this.quantities = quantities;
        }

        public String getCustomer() {
            return customer;
        }

        public void setCustomer(String customer) {
            this.customer = customer;
        }

        public double getTotal() {
            return total;
        }

        public void setTotal(double total) {
            this.total = total;
        }

        public Map<String, Integer> getQuantities() {
            return quantities;
        }

        public void setQuantities(Map<String, Integer> quantities) {
            this.quantities = quantities;
        }
    }

    public static final TaskDef1<Order, Receipt> CHECKOUT =
            TaskDef.of("test.checkout", Param.of("order", Order.class), Receipt.class);

    /** Generic argument and result types. */
    public static final TaskDef2<List<Integer>, Integer, List<List<Integer>>> SPLIT = TaskDef.of("test.split",
            Param.of("values", new ValueType<List<Integer>>() { }), Param.of("size", Integer.class).orElse(2),
            new ValueType<List<List<Integer>>>() { });

    /** The worker's pid, typed: shows a typed result came from a worker. */
    public static final TaskDef1<Long, Long> PID_PLUS = TaskDef.of("test.pid_plus", Param.of("n", Long.class), Long.class);

    private TypedTestTasks() {
    }
}
