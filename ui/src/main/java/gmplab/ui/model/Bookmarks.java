package gmplab.ui.model;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Collections;

/**
 * Bookmarked events of the current program (event indices, ascending):
 * toggled at the cursor, jumped to in order. Cleared when another program is
 * loaded; kept across "Run again" (indices past the end of the new run are
 * clamped when jumped to).
 */
public final class Bookmarks {
    private final RunViewModel vm;
    private final ObservableList<Integer> list = FXCollections.observableArrayList();

    public Bookmarks(RunViewModel vm) {
        this.vm = vm;
        // an invalidation listener: loading an equal program (the same file again) also clears them
        vm.sourceProperty().addListener(o -> {
            vm.sourceProperty().get();
            list.clear();
        });
    }

    /** Adds a bookmark at the cursor, or removes the one there; true if one was added. */
    public boolean toggle() {
        int c = vm.cursor();
        if (c < 0) return false;
        int at = Collections.binarySearch(list, c);
        if (at >= 0) {
            list.remove(at);
            return false;
        }
        list.add(-at - 1, c);
        return true;
    }

    public boolean isMarked(int event) {
        return Collections.binarySearch(list, event) >= 0;
    }

    /** Seeks to the first bookmark after the cursor (none: stays). */
    public void next() {
        int c = vm.cursor();
        for (int b : list) {
            if (b > c) {
                vm.seek(b);
                return;
            }
        }
    }

    /** Seeks to the last bookmark before the cursor (none: stays). */
    public void previous() {
        int c = vm.cursor();
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i) < c) {
                vm.seek(list.get(i));
                return;
            }
        }
    }

    public void jump(int event) {
        vm.seek(event);
    }

    public ObservableList<Integer> list() {
        return list;
    }
}
