package org.example.shapes;

import java.util.List;
import org.multiprocessing4j.task.Param;
import org.multiprocessing4j.task.TaskDef;
import org.multiprocessing4j.task.TaskDef1;
import org.multiprocessing4j.task.TaskDef2;
import org.multiprocessing4j.task.ValueType;

/** The tasks, declared once with their types, in the jar both the workers and the program use. */
public final class Shapes {
    /** A point of the plane; records travel as JSON objects. */
    public record Point(double x, double y) {
    }

    public record Segment(Point from, Point to) {
    }

    /** The length of a segment. */
    public static final TaskDef1<Segment, Double> LENGTH =
            TaskDef.of("shapes.length", Param.of("segment", Segment.class), Double.class);

    /** Every point scaled by a factor: a generic argument and a generic result. */
    public static final TaskDef2<List<Point>, Double, List<Point>> SCALE = TaskDef.of("shapes.scale",
            Param.of("points", new ValueType<List<Point>>() { }), Param.of("factor", Double.class),
            new ValueType<List<Point>>() { });

    private Shapes() {
    }
}
