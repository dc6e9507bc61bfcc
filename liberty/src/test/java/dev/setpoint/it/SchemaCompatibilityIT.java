package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The expand/contract rule of docs/operations.md ("Schema changes"): a release's schema must serve
 * the previous release's code, so a change set only adds (tables, nullable columns or columns with
 * a default, indexes, constraints, rows). A change that removes, renames, retypes or tightens is a
 * contract change: it waits until no running release uses what it removes, and it is named in the
 * list of contract change sets in the runbook, which says how to roll over it. No server involved;
 * the changelogs are read from the persistence module. {@link RollingUpgradeIT} runs the previous
 * release's code on the schema this build migrated.
 */
class SchemaCompatibilityIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path CHANGELOG =
      MODULE.resolve("../persistence/src/main/resources/db/changelog").normalize();
  private static final Path RUNBOOK = MODULE.resolve("../docs/operations.md").normalize();

  /** Changes that only add: release N code never sees a difference it cannot ignore. */
  private static final Set<String> EXPANDING =
      Set.of(
          "createTable",
          "createIndex",
          "createSequence",
          "createView",
          "addPrimaryKey",
          "addForeignKeyConstraint",
          "addUniqueConstraint",
          "addDefaultValue",
          "dropNotNullConstraint",
          "dropIndex",
          "insert",
          "update",
          "delete",
          "loadData");

  /** Changes that take away what release N code may read or write. */
  private static final Set<String> CONTRACTING =
      Set.of(
          "dropTable",
          "dropColumn",
          "dropView",
          "dropSequence",
          "dropPrimaryKey",
          "dropUniqueConstraint",
          "dropDefaultValue",
          "renameTable",
          "renameColumn",
          "renameView",
          "renameSequence",
          "modifyDataType",
          "mergeColumns",
          "addNotNullConstraint");

  /** Not changes of the schema: how a change set is described, guarded and undone. */
  private static final Set<String> NOT_CHANGES =
      Set.of("comment", "preConditions", "rollback", "validCheckSum", "tagDatabase");

  /** Raw SQL that alters what exists rather than rows in it. */
  private static final Pattern ALTERING_SQL =
      Pattern.compile("\\b(drop|rename|alter)\\b", Pattern.CASE_INSENSITIVE);

  @Test
  void everyChangeSetOutsideTheRunbooksContractListOnlyAdds() throws Exception {
    Set<String> contractList = runbookContractList();
    Map<String, List<String>> offending = new TreeMap<>();
    changeSets()
        .forEach(
            (id, changeSet) -> {
              List<String> contracting = contracting(changeSet);
              if (!contracting.isEmpty() && !contractList.contains(id)) {
                offending.put(id, contracting);
              }
            });
    assertEquals(
        Map.of(),
        offending,
        "contract changes not in docs/operations.md's list (make the change additive, or list it"
            + " there with how to roll over it)");
  }

  @Test
  void everyChangeSetInTheContractListIsOneAndExists() throws Exception {
    Map<String, Element> changeSets = changeSets();
    Set<String> contractList = runbookContractList();
    assertFalse(contractList.isEmpty(), "the runbook lists its contract change sets");
    for (String id : contractList) {
      assertTrue(changeSets.containsKey(id), "listed but not in the changelog: " + id);
      assertFalse(contracting(changeSets.get(id)).isEmpty(), "listed but only adds: " + id);
    }
  }

  @Test
  void theRuleRecognisesDestructiveAndTighteningChanges() throws Exception {
    assertEquals(
        List.of(
            "dropColumn",
            "renameColumn",
            "modifyDataType",
            "addColumn scope_key: not null without a default",
            "sql: alter table t rename to u"),
        contracting(
            changeSet(
                """
                <changeSet id="x" author="t">
                  <comment>what a careless change looks like</comment>
                  <createTable tableName="n"><column name="id" type="int"/></createTable>
                  <dropColumn tableName="t" columnName="c"/>
                  <renameColumn tableName="t" oldColumnName="a" newColumnName="b"/>
                  <modifyDataType tableName="t" columnName="c" newDataType="int"/>
                  <addColumn tableName="t">
                    <column name="note" type="text"/>
                    <column name="level" type="int" defaultValueNumeric="0">
                      <constraints nullable="false"/>
                    </column>
                    <column name="scope_key" type="varchar(80)">
                      <constraints nullable="false"/>
                    </column>
                  </addColumn>
                  <sql>update t set note = 'x'</sql>
                  <sql>alter table t rename to u</sql>
                </changeSet>
                """)));
  }

  /** What in one change set contracts the schema; an unknown change type fails the test. */
  private static List<String> contracting(Element changeSet) {
    List<String> found = new ArrayList<>();
    for (Element change : children(changeSet)) {
      String type = change.getLocalName();
      if (NOT_CHANGES.contains(type) || EXPANDING.contains(type)) {
        continue;
      }
      if (CONTRACTING.contains(type)) {
        found.add(type);
      } else if (type.equals("addColumn")) {
        for (Element column : children(change)) {
          if (requiredWithoutDefault(column)) {
            found.add("addColumn " + column.getAttribute("name") + ": not null without a default");
          }
        }
      } else if (type.equals("sql")) {
        String sql = change.getTextContent().strip().replaceAll("\\s+", " ");
        if (ALTERING_SQL.matcher(sql).find()) {
          found.add("sql: " + sql);
        }
      } else {
        throw new AssertionError(
            "change type "
                + type
                + " in "
                + changeSet.getAttribute("id")
                + " is not classified: add it to SchemaCompatibilityIT as expanding or contracting");
      }
    }
    return found;
  }

  private static boolean requiredWithoutDefault(Element column) {
    boolean required =
        children(column).stream()
            .anyMatch(
                c ->
                    c.getLocalName().equals("constraints")
                        && (c.getAttribute("nullable").equals("false")
                            || c.getAttribute("primaryKey").equals("true")));
    boolean defaulted =
        Set.of(
                "defaultValue",
                "defaultValueNumeric",
                "defaultValueBoolean",
                "defaultValueDate",
                "defaultValueComputed")
            .stream()
            .anyMatch(column::hasAttribute);
    return required && !defaulted;
  }

  /** Every change set of the master changelog by id, in the order Liquibase applies them. */
  private static Map<String, Element> changeSets() throws Exception {
    Map<String, Element> all = new LinkedHashMap<>();
    Element master = parse(Files.newInputStream(CHANGELOG.resolve("db.changelog-master.xml")));
    for (Element include : children(master)) {
      if (!include.getLocalName().equals("include")) {
        continue;
      }
      Element file = parse(Files.newInputStream(CHANGELOG.resolve(include.getAttribute("file"))));
      for (Element changeSet : children(file)) {
        if (changeSet.getLocalName().equals("changeSet")) {
          all.put(changeSet.getAttribute("id"), changeSet);
        }
      }
    }
    assertFalse(all.isEmpty(), "no change sets under " + CHANGELOG);
    return all;
  }

  /** The change set ids listed under "Contract change sets" in the runbook. */
  private static Set<String> runbookContractList() throws IOException {
    String runbook = Files.readString(RUNBOOK);
    int start = runbook.indexOf("### Contract change sets");
    assertTrue(start >= 0, "docs/operations.md has a \"Contract change sets\" section");
    int end = runbook.indexOf("\n#", start + 1);
    String section = runbook.substring(start, end < 0 ? runbook.length() : end);
    Matcher ids = Pattern.compile("(?m)^- `([^`]+)`").matcher(section);
    Set<String> listed = new java.util.TreeSet<>();
    while (ids.find()) {
      listed.add(ids.group(1));
    }
    return listed;
  }

  private static Element changeSet(String xml) throws Exception {
    String document =
        "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">"
            + xml
            + "</databaseChangeLog>";
    return children(parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))))
        .get(0);
  }

  private static Element parse(InputStream xml) throws Exception {
    try (xml) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(xml).getDocumentElement();
    }
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
        elements.add((Element) nodes.item(i));
      }
    }
    return elements;
  }
}
