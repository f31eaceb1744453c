/**
 * The staff exit prompt's page script (exit-prompt.html). `khiuExit` comes from its preload
 * (exit-prompt-preload.ts); the password goes to the main process, which asks the office server.
 */
interface ExitBridge {
  submit(username: string, password: string): Promise<{ left: boolean; message: string }>;
  cancel(): void;
}

const bridge = (window as unknown as { khiuExit: ExitBridge }).khiuExit;
const form = document.getElementById('exit-form') as HTMLFormElement;
const username = document.getElementById('username') as HTMLInputElement;
const password = document.getElementById('password') as HTMLInputElement;
const answer = document.getElementById('answer') as HTMLParagraphElement;
const submit = document.getElementById('submit') as HTMLButtonElement;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit.disabled = true;
  answer.textContent = 'กำลังตรวจสอบ… (checking)';
  answer.className = '';
  bridge
    .submit(username.value, password.value)
    .then((result) => {
      answer.textContent = result.message;
      answer.className = result.left ? 'left' : '';
      password.value = '';
      if (!result.left) password.focus();
    })
    .finally(() => {
      submit.disabled = false;
    });
});
document.getElementById('cancel')!.addEventListener('click', () => bridge.cancel());
