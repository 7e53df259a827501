/**
 * PowerShell command TEXT that reads the Backup Components Document out of a set's metadata .cab, to learn which
 * array LUN each shadow copy is on (parsers/parse-backup-components.ts;
 * docs/windows-facts.md#the-backup-components-document-names-each-shadow-lun).
 *
 * The files inside the .cab are not documented by name, so every `.xml` file is returned and the parser keeps the
 * one that describes a shadow copy set. `expand <cab> -F:* <folder>` extracts a cabinet
 * (https://learn.microsoft.com/windows-server/administration/windows-commands/expand); `Get-Content -Raw` reads
 * each file whole, decoding it by its byte order mark (the document may be UTF-16). The scratch folder is removed
 * afterwards; the .cab itself is only read.
 */
import { JSON_DEPTH, psQuote } from './powershell-commands';
import { validateMetadataCabPath } from './validate';

export function readBackupComponentsCommand(cabPath: string): string {
  const cab = psQuote(validateMetadataCabPath(cabPath));
  return (
    "$ErrorActionPreference = 'Stop'; " +
    "$dir = Join-Path -Path $env:TEMP -ChildPath ('shadowswap-bcd-' + [guid]::NewGuid()); New-Item -ItemType Directory -Path $dir | Out-Null; " +
    `try { $out = & expand.exe ${cab} '-F:*' $dir; if ($LASTEXITCODE -ne 0) { throw ('expand.exe could not extract ' + ${cab} + ' (exit code ' + $LASTEXITCODE + '): ' + ($out -join ' ')) }; ` +
    "ConvertTo-Json -InputObject @(Get-ChildItem -LiteralPath $dir -Filter '*.xml' -Recurse | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Text = (Get-Content -LiteralPath $_.FullName -Raw) } }) " +
    `-Depth ${JSON_DEPTH} -Compress } finally { Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue }`
  );
}
