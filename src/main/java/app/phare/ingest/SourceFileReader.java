package app.phare.ingest;

import app.phare.clean.OrderLineCleaner;
import app.phare.source.SourceFormat;
import app.phare.source.SourceMapping;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an export (CSV or gzip-compressed CSV) as records of its kind's fields, in the order given (for orders,
 * {@link OrderLineCleaner#FIELDS}). Problems with the file as a whole raise {@link FileUnreadableException};
 * problems with one line are reported through {@link #shapeProblem()}.
 */
public final class SourceFileReader implements AutoCloseable {

    private final InputStream raw;
    private final RowSource csv;
    private final XlsxRows workbook;
    private final java.nio.file.Path spooled;
    private final String encoding;
    private final String[] fields;
    private final int[] columnOf;
    /** A value the mapping gives as "=text", per field (null for a column). */
    private final String[] constants;
    private final String[] values;
    private int headerWidth = -1;
    private List<String> header = List.of();
    private int neededWidth;

    /** An orders export. */
    public SourceFileReader(InputStream file, SourceFormat format, SourceMapping mapping) throws IOException, FileUnreadableException {
        this(file, format, mapping, OrderLineCleaner.FIELDS);
    }

    /** An export whose records are read as these fields, in this order. */
    public SourceFileReader(InputStream file, SourceFormat format, SourceMapping mapping, String[] fields)
            throws IOException, FileUnreadableException {
        this(file, format, mapping, fields, CsvRecordReader.DEFAULT_MAX_LINE);
    }

    /** An export whose records are read as these fields, with lines longer than maxLine characters left out. */
    public SourceFileReader(InputStream file, SourceFormat format, SourceMapping mapping, String[] fields, int maxLine)
            throws IOException, FileUnreadableException {
        this.fields = fields;
        this.columnOf = new int[fields.length];
        this.constants = new String[fields.length];
        this.values = new String[fields.length];
        this.raw = decompressIfGzip(file);
        this.encoding = format.encoding();
        if (isZip(raw)) {
            // an Excel workbook: read from a file, whose zip directory can be read without inflating everything
            spooled = java.nio.file.Files.createTempFile("phare-workbook-", ".xlsx");
            try {
                java.nio.file.Files.copy(raw, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                workbook = new XlsxRows(spooled, format.sheet(), format.decimalSeparator(),
                        format.skipRows() == null ? 0 : format.skipRows());
            } catch (FileUnreadableException | IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(spooled);
                throw e;
            }
            csv = workbook;
        } else {
            spooled = null;
            workbook = null;
            CharsetDecoder decoder = format.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            csv = new CsvRecordReader(new InputStreamReader(raw, decoder), format.delimiter().charAt(0), maxLine);
        }
        try {
            readHeader(format, mapping);
        } catch (IOException | FileUnreadableException | RuntimeException e) {
            // the caller never gets a reader to close: the workbook's temporary copy goes now
            close();
            throw e;
        }
    }

    private void readHeader(SourceFormat format, SourceMapping mapping) throws IOException, FileUnreadableException {
        // a workbook skips by row number (blank rows are not in the sheet); a CSV file by lines
        int skip = workbook != null || format.skipRows() == null ? 0 : format.skipRows();
        for (int i = 0; i < skip; i++) {
            if (!nextRecord()) {
                throw new FileUnreadableException("the file has fewer rows than the " + skip + " to skip before its header");
            }
        }
        mapColumns(format, mapping);
    }

    /** Whether the stream (marked and reset here) starts like a zip archive, as .xlsx workbooks do. */
    private static boolean isZip(InputStream in) throws IOException, FileUnreadableException {
        in.mark(4);
        byte[] magic;
        try {
            magic = in.readNBytes(4);
        } catch (ZipException e) {
            throw new FileUnreadableException("the gzip data is corrupt: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new FileUnreadableException("the file ends unexpectedly (truncated gzip data)");
        }
        in.reset();
        return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    /** The stream itself, or its decompressed content when it starts with the gzip magic bytes. */
    static InputStream decompressIfGzip(InputStream in) throws IOException, FileUnreadableException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int first = b.read();
        int second = b.read();
        b.reset();
        if (first == 0x1f && second == 0x8b) {
            // GZIPInputStream reads the gzip header here: a bad or cut-off header is the file's fault, as in nextRecord
            try {
                return new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
            } catch (ZipException e) {
                throw new FileUnreadableException("the gzip data is corrupt: " + e.getMessage());
            } catch (java.io.EOFException e) {
                throw new FileUnreadableException("the file ends unexpectedly (truncated gzip data)");
            }
        }
        return b;
    }

    private void mapColumns(SourceFormat format, SourceMapping mapping) throws IOException, FileUnreadableException {
        java.util.Arrays.fill(columnOf, -1);
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        mapping.columns().forEach((field, column) -> {
            if (column.startsWith("=")) {
                constants[indexOf(field)] = column.substring(1);
            } else {
                columns.put(field, column);
            }
        });
        if (!format.header()) {
            columns.forEach((field, column) -> columnOf[indexOf(field)] = Integer.parseInt(column) - 1);
        } else {
            if (!nextRecord()) {
                throw new FileUnreadableException("the file is empty: no header line");
            }
            List<String> header = new ArrayList<>();
            for (String h : csv.fields()) {
                // a workbook's empty header cell is absent from the sheet
                header.add(h == null ? "" : h.strip());
            }
            headerWidth = header.size();
            this.header = header;
            List<String> missing = new ArrayList<>();
            List<String> ambiguous = new ArrayList<>();
            columns.forEach((field, column) -> {
                List<Integer> at = HeaderCells.find(header, column);
                if (at.isEmpty()) {
                    missing.add("'" + column + "' (mapped to " + field + ")");
                } else if (at.size() > 1) {
                    ambiguous.add("'" + column + "' (mapped to " + field + ") is in columns "
                            + at.stream().map(i -> HeaderCells.letter(i)).toList());
                }
                columnOf[indexOf(field)] = at.isEmpty() ? -1 : at.get(0);
            });
            if (!ambiguous.isEmpty()) {
                throw new FileUnreadableException("the header names a mapped column more than once, so which one to read is unclear: "
                        + String.join("; ", ambiguous) + ". Rename one of them in the export");
            }
            if (!missing.isEmpty()) {
                throw new FileUnreadableException("the header has no column " + String.join(", ", missing) + "; it has "
                        + HeaderCells.describe(header));
            }
        }
        for (int c : columnOf) {
            neededWidth = Math.max(neededWidth, c + 1);
        }
    }

    private int indexOf(String field) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException(field);
    }

    /** Reads the next data record; false at the end. */
    public boolean next() throws IOException, FileUnreadableException {
        if (!nextRecord()) {
            return false;
        }
        int width = csv.size();
        for (int i = 0; i < values.length; i++) {
            int c = columnOf[i];
            values[i] = constants[i] != null ? constants[i] : c >= 0 && c < width ? csv.field(c) : null;
        }
        return true;
    }

    private boolean nextRecord() throws IOException, FileUnreadableException {
        try {
            boolean more = csv.next();
            if (more && workbook == null && csv.raw().indexOf('\0') >= 0) {
                throw new FileUnreadableException("the file is not text (line " + csv.lineNo()
                        + " contains NUL bytes); upload the CSV export itself");
            }
            return more;
        } catch (CharacterCodingException e) {
            throw new FileUnreadableException("the file is not valid " + encoding + " text after line " + csv.lineNo()
                    + "; if it is text, set the source's format.encoding (for example windows-1252 or ISO-8859-1)");
        } catch (ZipException e) {
            throw new FileUnreadableException("the gzip data is corrupt: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new FileUnreadableException("the file ends unexpectedly (truncated gzip data)");
        }
    }

    /** Why the current record cannot be read as an order line (too few columns), or null. */
    public String shapeProblem() {
        if (csv.problem() != null) {
            return csv.problem();
        }
        int width = csv.size();
        if (width < neededWidth) {
            return "the line has " + width + " column" + (width == 1 ? "" : "s") + ", the mapping needs " + neededWidth
                    + (headerWidth > 0 ? " (the header has " + headerWidth + ")" : "");
        }
        return null;
    }

    /** The file's header line (empty for files without one). */
    public List<String> header() {
        return header;
    }

    public String[] values() {
        return values;
    }

    public long lineNo() {
        return csv.lineNo();
    }

    public String rawLine() {
        return csv.raw();
    }

    @Override
    public void close() throws IOException {
        try {
            if (workbook != null) {
                workbook.close();
            }
        } finally {
            raw.close();
            if (spooled != null) {
                java.nio.file.Files.deleteIfExists(spooled);
            }
        }
    }
}
