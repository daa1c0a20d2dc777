import { DateWidget } from '../components/DateWidget.tsx';
import { AccessibleFieldTemplate, NamedCheckboxesWidget, NamedRadioWidget } from './accessible-templates.tsx';

/** The widgets every form of the app draws with: dates as dd/mm/yyyy, choice groups named. */
export const FORM_WIDGETS = { DateWidget, RadioWidget: NamedRadioWidget, CheckboxesWidget: NamedCheckboxesWidget };

/** Field layout with every id a control refers to present. */
export const FORM_TEMPLATES = { FieldTemplate: AccessibleFieldTemplate };
