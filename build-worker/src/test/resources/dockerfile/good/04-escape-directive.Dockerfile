# escape=`
# With the backtick escape, backslashes in Windows paths are plain characters.
# pin: mcr.example.com/windows/servercore:ltsc2022 -> mcr.example.com/windows/servercore@sha256:5555555555555555555555555555555555555555555555555555555555555555
FROM mcr.example.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
LABEL com.redhat.component="win-tool" name="windows/tool" version="3.0" `
      install.dir="C:\Program Files\Tool" quote="say `"hi`""
RUN New-Item -ItemType Directory -Path C:\tool ; `
    Write-Host done
WORKDIR C:\tool
