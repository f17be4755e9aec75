namespace Rpa.Activities.Browser;

/// <summary>The in-page script of Fill form: find every field by its label first, then fill all, then click submit.</summary>
internal static class FormScript
{
    public const string Fill = """
        ({ fields, submit, exact }) => {
          const norm = s => (s || '').replace(/\s+/g, ' ').trim();
          const loose = s => norm(s).replace(/[:*]+$/, '').trim().toLowerCase();
          const labels = Array.from(document.querySelectorAll('label'));
          const labelTexts = labels.map(l => norm(l.textContent)).filter(t => t);
          const controlOf = label => label.control
            || (label.htmlFor && document.getElementById(label.htmlFor))
            || label.querySelector('input, select, textarea');
          const find = name => {
            const label = exact
              ? labels.find(l => norm(l.textContent) === name)
              : (labels.find(l => loose(l.textContent) === loose(name)) || labels.find(l => loose(l.textContent).startsWith(loose(name))));
            if (label) return controlOf(label);
            return document.querySelector(`[aria-label="${CSS.escape(name)}"]`);
          };
          const targets = Object.entries(fields).map(([name, value]) => ({ name, value, control: find(name) }));
          const missing = targets.filter(t => !t.control).map(t => t.name);
          let button = null;
          if (submit) {
            const wanted = loose(submit);
            button = Array.from(document.querySelectorAll('button, input[type=submit], input[type=button], [role=button]'))
              .find(b => loose(b.textContent || b.value) === wanted);
          }
          const submitMissing = submit && !button ? submit : null;
          if (missing.length || submitMissing) return { filled: 0, missing, submitMissing, labels: labelTexts };
          for (const { control, value } of targets) {
            if (control instanceof HTMLSelectElement) {
              const option = Array.from(control.options).find(o => o.value === value) || Array.from(control.options).find(o => norm(o.text) === value);
              control.value = option ? option.value : value;
            } else if (control.type === 'checkbox' || control.type === 'radio') {
              control.checked = ['true', 'yes', '1', 'on', 'x'].includes(String(value).toLowerCase());
            } else {
              const proto = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
              Object.getOwnPropertyDescriptor(proto, 'value').set.call(control, value);
            }
            control.dispatchEvent(new Event('input', { bubbles: true }));
            control.dispatchEvent(new Event('change', { bubbles: true }));
          }
          if (button) setTimeout(() => button.click(), 0);
          return { filled: targets.length, missing: [], submitMissing: null, labels: labelTexts };
        }
        """;
}
