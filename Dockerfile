# CareCompanion bot: multi-stage build, runs as the image's non-root 'app' user, health-checked on /readyz (storage and
# the delivery queue reachable, as the App Service health check asks). Telemetry: set APPLICATIONINSIGHTS_CONNECTION_STRING.
# Docker cannot run on the development machines here; this file is kept simple and standard.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props CareCompanion.sln ./
COPY build/ build/
COPY Cards/ Cards/
COPY Storage/ Storage/
COPY Bot/ Bot/
RUN dotnet publish Bot/CareCompanion.Bot.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD curl -fsS http://localhost:8080/readyz || exit 1
ENTRYPOINT ["dotnet", "CareCompanion.Bot.dll"]
