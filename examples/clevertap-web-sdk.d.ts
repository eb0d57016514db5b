// clevertap-web-sdk ships no type declarations; the example apps only need its default export.
declare module 'clevertap-web-sdk' {
  const clevertap: unknown;
  export default clevertap;
}
