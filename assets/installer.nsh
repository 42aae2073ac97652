; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; Click-to-dial on Windows: electron-builder registers `protocols` only on macOS (Info.plist) and Linux (.desktop
; MimeType). The per-machine installer registers Lingxi as a handler of tel:, sip: and callto: the Default Programs
; way (a ProgID per scheme plus Capabilities\URLAssociations under RegisteredApplications), so it never overwrites
; another application's class; the user, or IT with a DISM default-associations XML, picks Lingxi as the default.

!macro lingxiRegisterScheme SCHEME
  WriteRegStr HKLM "Software\Classes\Lingxi.Url.${SCHEME}" "" "URL:${SCHEME} (Lingxi)"
  WriteRegStr HKLM "Software\Classes\Lingxi.Url.${SCHEME}" "URL Protocol" ""
  WriteRegStr HKLM "Software\Classes\Lingxi.Url.${SCHEME}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr HKLM "Software\Classes\Lingxi.Url.${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr HKLM "Software\Lingxi\Capabilities\URLAssociations" "${SCHEME}" "Lingxi.Url.${SCHEME}"
!macroend

!macro customInstall
  WriteRegStr HKLM "Software\Lingxi\Capabilities" "ApplicationName" "Lingxi"
  WriteRegStr HKLM "Software\Lingxi\Capabilities" "ApplicationDescription" "Contact-centre agent desktop: click-to-dial"
  !insertmacro lingxiRegisterScheme "tel"
  !insertmacro lingxiRegisterScheme "sip"
  !insertmacro lingxiRegisterScheme "callto"
  WriteRegStr HKLM "Software\RegisteredApplications" "Lingxi" "Software\Lingxi\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\RegisteredApplications" "Lingxi"
  DeleteRegKey HKLM "Software\Lingxi\Capabilities"
  DeleteRegKey /ifempty HKLM "Software\Lingxi"
  DeleteRegKey HKLM "Software\Classes\Lingxi.Url.tel"
  DeleteRegKey HKLM "Software\Classes\Lingxi.Url.sip"
  DeleteRegKey HKLM "Software\Classes\Lingxi.Url.callto"
!macroend
