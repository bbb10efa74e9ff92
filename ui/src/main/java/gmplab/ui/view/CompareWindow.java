package gmplab.ui.view;

import gmplab.ui.i18n.I18n;
import gmplab.ui.model.SchedtraceLog;
import gmplab.ui.model.SchedtraceLog.Sample;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** "Compare with real Go": the series of a real schedtrace log next to the simulated run's, one chart per series. */
final class CompareWindow {
    private CompareWindow() {
    }

    static void show(Window owner, I18n i18n, String name, String realLog, String simLog, List<String> css) {
        List<Sample> real = SchedtraceLog.parse(realLog);
        List<Sample> sim = SchedtraceLog.parse(simLog);
        String[] names = {"threads", "idleprocs", "spinningthreads", "runqueue"};
        GridPane grid = new GridPane();
        for (int i = 0; i < names.length; i++) {
            grid.add(chart(names[i], real, sim, i, i18n), i % 2, i / 2);
        }
        int maxP = real.stream().mapToInt(Sample::gomaxprocs).max().orElse(0);
        for (int p = 0; p < Math.min(maxP, 4); p++) {
            grid.add(chart("P" + p + " runqsize", real, sim, 4 + p, i18n), p % 2, 2 + p / 2);
        }
        Stage st = new Stage();
        if (owner != null) st.initOwner(owner);
        st.setTitle(i18n.tr("compare.title", name, real.size(), sim.size()));
        Scene sc = new Scene(new javafx.scene.control.ScrollPane(grid), 1000, 700);
        sc.getStylesheets().setAll(css);
        st.setScene(sc);
        st.show();
    }

    private static LineChart<Number, Number> chart(String title, List<Sample> real, List<Sample> sim, int idx, I18n i18n) {
        NumberAxis x = new NumberAxis();
        x.setLabel("ms");
        LineChart<Number, Number> c = new LineChart<>(x, new NumberAxis());
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.setPrefSize(480, 260);
        c.getData().add(series(i18n.tr("compare.real"), real, idx));
        c.getData().add(series(i18n.tr("compare.sim"), sim, idx));
        return c;
    }

    private static XYChart.Series<Number, Number> series(String name, List<Sample> s, int idx) {
        XYChart.Series<Number, Number> ser = new XYChart.Series<>();
        ser.setName(name);
        double[][] v = SchedtraceLog.series(s);
        if (idx < v.length) for (int i = 0; i < s.size(); i++) ser.getData().add(new XYChart.Data<>(s.get(i).ms(), v[idx][i]));
        return ser;
    }
}
