#!/usr/bin/env python3
"""The bare-Camunda twin of a platform model (for bench/throughput.sh): the same BPMN with the
platform's additions taken out.

Kept: every element, flow, gateway condition, boundary event, input/output mapping and async flag.
Removed: execution and task listeners, form references. Every service task's delegate becomes
${httpCall}, the bare app's one HTTP call. The platform's parse listeners (SLA, case file, task
labels, completion rules ...) do not exist in the bare app, so nothing else needs stripping.

  python3 bench/strip_model.py processes/marriagebirth/MarriageHouseholdProcess.bpmn out/
"""
import pathlib
import re
import sys

LISTENER = re.compile(r"\s*<camunda:(?:executionListener|taskListener)\b[^>]*?(?:/>|>.*?</camunda:(?:executionListener|taskListener)>)", re.S)
FORM_ATTRIBUTE = re.compile(r'\s+camunda:(?:formRef|formRefBinding|formRefVersion|formKey)="[^"]*"')
DELEGATE = re.compile(r'camunda:(?:delegateExpression|class|expression)="[^"]*"')
SERVICE_TASK = re.compile(r"<bpmn:serviceTask\b[^>]*>")
EMPTY_EXTENSIONS = re.compile(r"\s*<bpmn:extensionElements>\s*</bpmn:extensionElements>")


def strip(xml: str) -> str:
    xml = LISTENER.sub("", xml)
    xml = FORM_ATTRIBUTE.sub("", xml)
    xml = SERVICE_TASK.sub(lambda m: DELEGATE.sub('camunda:delegateExpression="${httpCall}"', m.group(0)), xml)
    return EMPTY_EXTENSIONS.sub("", xml)


def main():
    *models, out = sys.argv[1:]
    target = pathlib.Path(out)
    target.mkdir(parents=True, exist_ok=True)
    for model in map(pathlib.Path, models):
        stripped = strip(model.read_text(encoding="utf-8"))
        if "camunda:executionListener" in stripped or "camunda:taskListener" in stripped:
            sys.exit(f"{model}: a listener survived stripping")
        (target / model.name).write_text(stripped, encoding="utf-8")
        print(f"{model} -> {target / model.name}")


if __name__ == "__main__":
    main()
