package app.phare.source;

/** Test data builder for {@link SourceFormat}: the product's defaults unless told otherwise. */
public final class SourceFormatBuilder {

    private String delimiter = ",";
    private String encoding = "UTF-8";
    private boolean header = true;
    private String dateFormat = SourceFormat.ISO;
    private String decimalSeparator = ".";
    private String groupingSeparator = "";
    private String timezone;

    private SourceFormatBuilder() {
    }

    public static SourceFormatBuilder aFormat() {
        return new SourceFormatBuilder();
    }

    public SourceFormatBuilder delimiter(String delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    public SourceFormatBuilder encoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    public SourceFormatBuilder withoutHeader() {
        this.header = false;
        return this;
    }

    public SourceFormatBuilder dateFormat(String dateFormat) {
        this.dateFormat = dateFormat;
        return this;
    }

    public SourceFormatBuilder decimalSeparator(String decimalSeparator) {
        this.decimalSeparator = decimalSeparator;
        return this;
    }

    public SourceFormatBuilder groupingSeparator(String groupingSeparator) {
        this.groupingSeparator = groupingSeparator;
        return this;
    }

    public SourceFormatBuilder timezone(String timezone) {
        this.timezone = timezone;
        return this;
    }

    public SourceFormat build() {
        return new SourceFormat(delimiter, encoding, header, dateFormat, decimalSeparator, groupingSeparator, timezone);
    }
}
