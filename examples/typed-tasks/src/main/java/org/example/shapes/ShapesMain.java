package org.example.shapes;

import java.util.List;
import org.example.shapes.Shapes.Point;
import org.example.shapes.Shapes.Segment;
import org.multiprocessing4j.AsyncResult;
import org.multiprocessing4j.Multiprocessing;
import org.multiprocessing4j.Pool;
import org.multiprocessing4j.errors.RemoteTaskException;
import org.multiprocessing4j.task.Call;

/** The program: typed calls, typed results, no casts. Lines the tasks print show the worker's pid. */
public final class ShapesMain {
    private ShapesMain() {
    }

    public static void main(String[] args) {
        try (Multiprocessing mp = Multiprocessing.builder()
                .output(line -> System.out.println("[worker pid " + line.pid() + "] " + line.text()))
                .connect()) {
            System.out.println("program pid " + ProcessHandle.current().pid());
            Pool pool = mp.pool(2);

            AsyncResult<Double> length = pool.applyAsync(Shapes.LENGTH.call(new Segment(new Point(0, 0), new Point(3, 4))));
            double five = length.get();
            System.out.println("length " + five);

            List<Point> scaled = pool.apply(Shapes.SCALE.call(List.of(new Point(1, 2), new Point(-1, 0.5)), 2.0));
            System.out.println("scaled " + scaled);

            List<Double> lengths = pool.map(Shapes.LENGTH, List.of(
                    new Segment(new Point(0, 0), new Point(0, 1)), new Segment(new Point(1, 1), new Point(4, 5))));
            System.out.println("lengths " + lengths);

            try { // the name-based path reaches the same task; a value that does not fit is refused before it runs
                pool.apply(Call.of("shapes.length", "not a segment"));
            } catch (RemoteTaskException e) {
                System.out.println("refused " + e.remoteType() + ": " + e.remoteMessage());
            }
            pool.close();
            pool.join();
        }
    }
}
