package cn.jiaxing.yijianshi.sla;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The report as an Office Open XML workbook (.xlsx) — one sheet, written directly (the format is a zip of
 * a few XML parts; no spreadsheet library for one table). Text cells are inline strings, figures numbers.
 */
final class SlaReportWorkbook {

  static final List<String> HEADERS = List.of("流程", "部门", "环节", "办结数", "按时办结", "超期办结", "超期未办结",
      "按时率", "平均用时（小时）", "90%用时（小时）");

  private SlaReportWorkbook() {
  }

  static void write(SlaReport.Report report, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      part(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
          </Types>""");
      part(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
          </Relationships>""");
      part(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="时限统计" sheetId="1" r:id="rId1"/></sheets>
          </workbook>""");
      part(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
          </Relationships>""");
      part(zip, "xl/styles.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>
          <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
          <borders count="1"><border/></borders>
          <cellStyleXfs count="1"><xf/></cellStyleXfs>
          <cellXfs count="3"><xf/><xf fontId="1" applyFont="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs>
          </styleSheet>""");
      StringBuilder sheet = new StringBuilder("""
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
      int r = 1;
      sheet.append("<row r=\"1\">");
      text(sheet, r, 0, "时限统计：" + report.from() + " 至 " + report.to(), 1);
      sheet.append("</row>");
      r = 2;
      sheet.append("<row r=\"2\">");
      for (int c = 0; c < HEADERS.size(); c++) {
        text(sheet, r, c, HEADERS.get(c), 1);
      }
      sheet.append("</row>");
      for (SlaReport.Row row : report.rows()) {
        r++;
        sheet.append("<row r=\"").append(r).append("\">");
        text(sheet, r, 0, row.processName(), 0);
        text(sheet, r, 1, row.departmentName(), 0);
        text(sheet, r, 2, row.stepName(), 0);
        number(sheet, r, 3, row.completed(), 0);
        number(sheet, r, 4, row.met(), 0);
        number(sheet, r, 5, row.missed(), 0);
        number(sheet, r, 6, row.openOverdue(), 0);
        number(sheet, r, 7, row.metRate(), 2);
        number(sheet, r, 8, row.averageHours(), 0);
        number(sheet, r, 9, row.p90Hours(), 0);
        sheet.append("</row>");
      }
      sheet.append("</sheetData></worksheet>");
      part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
    }
  }

  private static String ref(int row, int column) {
    return (char) ('A' + column) + Integer.toString(row);
  }

  private static void text(StringBuilder sheet, int row, int column, String value, int style) {
    sheet.append("<c r=\"").append(ref(row, column)).append("\" t=\"inlineStr\"").append(style == 0 ? "" : " s=\"" + style + "\"")
        .append("><is><t>").append(escape(value == null ? "" : value)).append("</t></is></c>");
  }

  private static void number(StringBuilder sheet, int row, int column, Number value, int style) {
    if (value == null) {
      return;
    }
    sheet.append("<c r=\"").append(ref(row, column)).append("\"").append(style == 0 ? "" : " s=\"" + style + "\"")
        .append("><v>").append(value).append("</v></c>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void part(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.strip().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
