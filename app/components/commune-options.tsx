/** The options of a commune picker, in the order given (the communes of the Gard by name). */
export function CommuneOptions({ communes }: { communes: readonly { code: string; name: string }[] }) {
  return (
    <>
      {communes.map((commune) => (
        <option key={commune.code} value={commune.code}>
          {commune.name}
        </option>
      ))}
    </>
  );
}
