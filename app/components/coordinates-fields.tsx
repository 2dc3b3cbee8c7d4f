import { Field } from './field';

/** Optional latitude and longitude of an address, for its placement in or out of a QPV. */
export function CoordinatesFields({
  values,
  errors,
}: {
  values: { lat: string; lon: string };
  errors: { lat?: string[]; lon?: string[] };
}) {
  return (
    <fieldset aria-describedby="coordinates-hint">
      <legend>Coordonnées GPS de l’adresse (facultatif)</legend>
      <p id="coordinates-hint" className="hint">
        En degrés décimaux (WGS 84), par exemple 43,8367 et 4,3601 : elles situent l’adresse dans ou hors d’un quartier prioritaire
        (QPV).
      </p>
      <Field id="lat" label="Latitude" errors={errors.lat}>
        {(props) => <input {...props} name="lat" inputMode="decimal" autoComplete="off" defaultValue={values.lat} />}
      </Field>
      <Field id="lon" label="Longitude" errors={errors.lon}>
        {(props) => <input {...props} name="lon" inputMode="decimal" autoComplete="off" defaultValue={values.lon} />}
      </Field>
    </fieldset>
  );
}
