package app.phare.ingest;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one sheet of an Excel workbook (.xlsx), pulled one at a time from the sheet's XML with a streaming
 * parser, so that a large workbook never sits in memory. Text cells come as they are, numbers as plain decimals (with
 * the source's decimal separator), real date cells as ISO date-times. A cell longer than Excel's own limit and
 * workbooks that inflate suspiciously (zip bombs) are refused.
 */
public final class XlsxRows implements RowSource, AutoCloseable {

    /** Excel's own limit on a cell's text. */
    static final int MAX_CELL = 32_767;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final OPCPackage pkg;
    private final InputStream sheetXml;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final String decimalSeparator;
    private final List<String> fields = new ArrayList<>();
    private long rowNo;
    private final int skipRows;

    /** Rows numbered skipRows or less (Excel numbers them from 1) come before the header and are left out. */
    public XlsxRows(Path workbook, String sheet, String decimalSeparator, int skipRows) throws IOException, FileUnreadableException {
        this.decimalSeparator = decimalSeparator;
        this.skipRows = skipRows;
        try {
            pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw unreadable(e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg);
            styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            InputStream found = null;
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream s = sheets.next();
                names.add(sheets.getSheetName());
                if (found == null && (sheet == null || sheets.getSheetName().equalsIgnoreCase(sheet))) {
                    found = s;
                } else {
                    s.close();
                }
            }
            if (found == null) {
                throw new FileUnreadableException("the workbook has no sheet named '" + sheet + "'; its sheets are " + names);
            }
            sheetXml = found;
            XMLInputFactory factory = XMLInputFactory.newInstance();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            xml = factory.createXMLStreamReader(sheetXml);
        } catch (FileUnreadableException e) {
            pkg.revert();
            throw e;
        } catch (Exception e) {
            pkg.revert();
            throw unreadable(e);
        }
    }

    private static FileUnreadableException unreadable(Exception e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase().contains("zip bomb")) {
                message = "zip bomb";
            }
        }
        if (message.equals("zip bomb")) {
            return new FileUnreadableException("the workbook inflates far beyond its size (a zip bomb?) and is refused");
        }
        return new FileUnreadableException("the file is not a readable Excel workbook (.xlsx): " + message);
    }

    @Override
    public boolean next() throws IOException, FileUnreadableException {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    rowNo = r == null ? rowNo + 1 : Long.parseLong(r);
                    readRow();
                    if (rowNo <= skipRows) {
                        continue;
                    }
                    return true;
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(e instanceof XMLStreamException x ? x : new IOException(e));
        }
    }

    /** Reads the cells of the row the parser stands on, placing each in its column (empty cells are left out of the XML). */
    private void readRow() throws XMLStreamException, FileUnreadableException {
        fields.clear();
        int nextColumn = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? nextColumn : column(ref);
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                String value = cell(type, style);
                if (value != null && value.length() > MAX_CELL) {
                    throw new FileUnreadableException("cell " + (ref == null ? "in row " + rowNo : ref) + " holds "
                            + value.length() + " characters, more than Excel's limit of " + MAX_CELL + "; the workbook is refused");
                }
                while (fields.size() < column) {
                    fields.add(null);
                }
                fields.add(value);
                nextColumn = column + 1;
            }
        }
    }

    /** The text of the cell the parser stands on (its start tag), leaving the parser at its end tag. */
    private String cell(String type, String style) throws XMLStreamException {
        StringBuilder v = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("v")) {
                v = new StringBuilder(xml.getElementText());
            } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t")) {
                inline = (inline == null ? new StringBuilder() : inline).append(xml.getElementText());
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? null : inline.toString();
        }
        if (v == null) {
            return null;
        }
        String raw = v.toString();
        if ("s".equals(type)) {
            return strings.getItemAt(Integer.parseInt(raw.trim())).getString();
        }
        if ("str".equals(type) || "e".equals(type)) {
            return raw;
        }
        if ("b".equals(type)) {
            return "1".equals(raw) ? "TRUE" : "FALSE";
        }
        double number = Double.parseDouble(raw);
        if (style != null && isDate(Integer.parseInt(style))) {
            LocalDateTime t = DateUtil.getLocalDateTime(number);
            return t.format(ISO);
        }
        String plain = new BigDecimal(raw).stripTrailingZeros().toPlainString();
        return ".".equals(decimalSeparator) ? plain : plain.replace(".", decimalSeparator);
    }

    private boolean isDate(int styleIndex) {
        if (styleIndex >= styles.getNumCellStyles()) {
            return false;
        }
        XSSFCellStyle style = styles.getStyleAt(styleIndex);
        return DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
    }

    /** "C12" → 2. */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    @Override
    public int size() {
        return fields.size();
    }

    @Override
    public String field(int i) {
        return fields.get(i);
    }

    @Override
    public List<String> fields() {
        return fields;
    }

    @Override
    public long lineNo() {
        return rowNo;
    }

    @Override
    public String raw() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : "\t").append(fields.get(i) == null ? "" : fields.get(i));
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing anyway
        }
        sheetXml.close();
        pkg.revert();
    }
}
