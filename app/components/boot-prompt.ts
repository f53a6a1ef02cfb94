/**
 * The node's prompt, shown before the engine has loaded (the real session then reprints it
 * from `sandbox.prompt()`). Every scenario runs on the same node, so this is what it will say.
 */
export const BOOT_PROMPT = "root@aks-nodepool1-12345678-vmss000000:~# ";
