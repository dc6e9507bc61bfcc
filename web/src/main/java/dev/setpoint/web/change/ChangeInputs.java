package dev.setpoint.web.change;

import dev.setpoint.api.change.ChangeRequestRequest;
import dev.setpoint.api.change.ProposedChangeRequest;
import dev.setpoint.domain.change.ChangeInput;
import dev.setpoint.domain.shared.InvalidValue;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** Proposed changes as sent to the domain's unchecked inputs: JSON text, a secret's string. */
final class ChangeInputs {

  private ChangeInputs() {}

  static List<ChangeInput> of(ChangeRequestRequest body) {
    if (body == null || body.changes() == null) {
      throw new InvalidValue("changes", "is required: the changes to propose");
    }
    List<ChangeInput> inputs = new ArrayList<>();
    for (int i = 0; i < body.changes().size(); i++) {
      ProposedChangeRequest change = body.changes().get(i);
      if (change == null) {
        throw new InvalidValue("changes[" + i + "]", "must be a change object");
      }
      inputs.add(
          new ChangeInput(
              change.op(),
              change.key(),
              value(i, change),
              change.encoding(),
              change.message(),
              change.rollout() == null ? null : change.rollout().toString()));
    }
    return inputs;
  }

  private static String value(int i, ProposedChangeRequest change) {
    JsonValue value = change.value();
    if (value == null) {
      return null;
    }
    if ("set-secret".equals(change.op())) {
      if (value instanceof JsonString text) {
        return text.getString();
      }
      throw new InvalidValue("changes[" + i + "].value", "must be a string: the secret value");
    }
    return value.toString();
  }
}
