package app.phare.ingest;

import java.io.IOException;
import java.util.List;

/** Rows of an export, one after another: lines of a CSV file or rows of a workbook's sheet. */
public interface RowSource {

    /** Moves to the next row; false at the end. */
    boolean next() throws IOException, FileUnreadableException;

    int size();

    String field(int i);

    List<String> fields();

    /** The row's number in the file (a CSV line, a sheet row), for reject reports. */
    long lineNo();

    /** The row as the user would recognise it. */
    String raw();

    /** Why the row is malformed as a whole (e.g. a quote never closed), or null. */
    default String problem() {
        return null;
    }
}
