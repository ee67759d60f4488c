package org.example.shapes;

import java.util.List;
import org.example.shapes.Shapes.Point;
import org.multiprocessing4j.task.TaskProvider;
import org.multiprocessing4j.task.TaskRegistry;

/** What a worker runs for the declarations: put this jar on the worker's MP4J_TASKS_CLASSPATH. */
public final class ShapesProvider implements TaskProvider {
    @Override
    public void register(TaskRegistry tasks) {
        tasks.task(Shapes.LENGTH, segment -> {
            System.out.println("measuring " + segment);   // streamed back to the program that asked
            return Math.hypot(segment.to().x() - segment.from().x(), segment.to().y() - segment.from().y());
        });
        tasks.task(Shapes.SCALE, (points, factor) -> {
            List<Point> scaled = points.stream().map(p -> new Point(p.x() * factor, p.y() * factor)).toList();
            System.out.println("scaled " + points.size() + " points by " + factor);
            return scaled;
        });
    }
}
