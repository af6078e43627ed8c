import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { WIZARD_STEPS, type WizardStep } from "~/domain/contributions/rules";

/** The visible step indicator: an ordered list, the current step marked with aria-current="step". */
export function WizardSteps({ current, hrefOf }: { current: WizardStep; hrefOf: (step: WizardStep) => string }) {
  const t = useT();
  const at = WIZARD_STEPS.indexOf(current);
  return (
    <nav aria-label={t("contributions.steps.label")} className="wizard-steps">
      <ol>
        {WIZARD_STEPS.map((step, i) => {
          const label = t(`contributions.step.${step}` as MessageKey);
          const state = i < at ? "done" : i === at ? "current" : "todo";
          return (
            <li key={step} className={`wizard-step wizard-step-${state}`} aria-current={step === current ? "step" : undefined}>
              <span className="wizard-step-number" aria-hidden="true">
                {i + 1}
              </span>
              {step === current ? <span>{label}</span> : <Link to={hrefOf(step)}>{label}</Link>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
