package gmplab.golang;

/** Base of all syntax tree nodes: a position in the source file. */
abstract class Node {
    final int line;
    final int col;

    Node(Token at) {
        this.line = at.line();
        this.col = at.col();
    }

    Node(int line, int col) {
        this.line = line;
        this.col = col;
    }
}
